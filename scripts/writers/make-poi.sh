#!/bin/sh
# Compiles PoiTrackers.java against Debian's Apache POI 4.0.1 (apt-get install -y libapache-poi-java;
# Java 17) and writes the workbooks to $1 (default: .).
#
# Debian bookworm's /usr/share/java/poi-ooxml-schemas.jar (4.0.1-4) is a stub of 114 classes without the
# XMLBeans type system: `new XSSFWorkbook()` fails with NoClassDefFoundError
# org/apache/xmlbeans/metadata/system/s036263A…/TypeSystemHolder. So the OOXML schemas POI 4.0.1 was built
# on (ECMA-376 1st edition, OfficeOpenXML-XMLSchema.zip) are compiled here with Debian's XMLBeans 4.0.0:
#   OOXML_XSD_ZIP=<that zip>  (in apache/poi's history: git show
#     c5f6dfa68e^:src/ooxml/resources/org/apache/poi/schemas/OfficeOpenXML-XMLSchema.zip > e1.zip;
#     or ECMA-376 1st edition Part 4's download). The 3rd edition schemas POI 5 uses do not fit 4.0.1
#     (CTFont.addNewFamily returns another type: NoSuchMethodError).
# or OOXML_SCHEMAS_JAR=<a jar already compiled from it> (the compiled jar is kept in $CACHE).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-.}
J=/usr/share/java
CACHE=${CACHE:-${TMPDIR:-/tmp}/poi-ooxml-e1}
if [ -z "$OOXML_SCHEMAS_JAR" ]; then
  OOXML_SCHEMAS_JAR=$CACHE/ooxml-schemas-e1.jar
  if [ ! -s "$OOXML_SCHEMAS_JAR" ]; then
    [ -n "$OOXML_XSD_ZIP" ] || { echo "make-poi.sh: set OOXML_XSD_ZIP (or OOXML_SCHEMAS_JAR): see the header" >&2; exit 1; }
    mkdir -p "$CACHE/xsd"
    unzip -q -o "$OOXML_XSD_ZIP" -d "$CACHE/xsd"
    cat > "$CACHE/ooxml.xsdconfig" <<'CFG'
<xb:config xmlns:xb="http://xml.apache.org/xmlbeans/2004/02/xbean/config">
  <xb:namespace uri="urn:schemas-microsoft-com:office:office"><xb:package>com.microsoft.schemas.office.office</xb:package></xb:namespace>
  <xb:namespace uri="urn:schemas-microsoft-com:office:excel"><xb:package>com.microsoft.schemas.office.excel</xb:package></xb:namespace>
  <xb:namespace uri="urn:schemas-microsoft-com:office:word"><xb:package>com.microsoft.schemas.office.word</xb:package></xb:namespace>
  <xb:namespace uri="urn:schemas-microsoft-com:office:powerpoint"><xb:package>com.microsoft.schemas.office.powerpoint</xb:package></xb:namespace>
  <xb:namespace uri="urn:schemas-microsoft-com:vml"><xb:package>com.microsoft.schemas.vml</xb:package></xb:namespace>
  <xb:namespace uri="http://schemas.openxmlformats.org/markup-compatibility/2006"><xb:package>com.microsoft.schemas.compatibility</xb:package></xb:namespace>
</xb:config>
CFG
    # about a minute and 1.5 GB
    nice java -Xmx1500m -cp $J/xmlbeans.jar:$J/log4j-1.2.jar org.apache.xmlbeans.impl.tool.SchemaCompiler \
      -out "$OOXML_SCHEMAS_JAR" -d "$CACHE/classes" -src "$CACHE/src" -noupa -nopvr -mx 1500m \
      $(find "$CACHE/xsd" -name '*.xsd') "$CACHE/ooxml.xsdconfig"
  fi
fi
# The compiled schemas first: they replace the stub's classes.
CP=$OOXML_SCHEMAS_JAR:$J/poi.jar:$J/poi-ooxml.jar:$J/xmlbeans.jar:$J/commons-collections4.jar:$J/commons-compress.jar:$J/commons-codec.jar:$J/commons-math3.jar:$J/curvesapi.jar
BUILD=$(mktemp -d)
javac -nowarn -d "$BUILD" -cp "$CP" "$HERE/PoiTrackers.java"
# TZ fixed so that dates given as java.util.Date land on the day meant
TZ=Europe/London java -cp "$CP:$BUILD" PoiTrackers "$OUT"
rm -rf "$BUILD"
