# The bench's comparison with openpyxl: load the tracker and save it again, as a Python user would
# to change a workbook. Run by bench/floor.js:  python3 bench/openpyxl-load-save.py <in.xlsx> <out.xlsx>
import sys
import time

import openpyxl

t = time.perf_counter()
wb = openpyxl.load_workbook(sys.argv[1])
loaded = time.perf_counter()
wb.save(sys.argv[2])
print('{"loadMs": %.1f, "saveMs": %.1f}' % ((loaded - t) * 1000, (time.perf_counter() - loaded) * 1000))
