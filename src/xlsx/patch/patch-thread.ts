// The second thread of patch-offload.ts: patches and deflates the officers' sheets it is given, and
// sends the deflated bytes back. A part it cannot do is reported as failed: the build patches it itself.
import { parentPort, workerData } from "worker_threads";
import { ZipPackage } from "../package/zip-reader";
import { deflatePieces } from "./deflate-chunks";
import { decodeEdits, patchedText, settledXf, type PatchThreadInput, type PatchThreadMessage } from "./patch-offload";
import { SheetPatcher } from "./sheet-patch";
import { COMPRESSION_LEVEL } from "./zip-writer";

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function run(input: PatchThreadInput, post: (m: PatchThreadMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  let pkg: ZipPackage;
  try {
    pkg = await ZipPackage.open(input.path);
  } catch (e) {
    input.jobs.forEach((_, index) => post({ kind: "failed", index, message: message(e) }));
    return;
  }
  try {
    for (let index = 0; index < input.jobs.length; index++) {
      const job = input.jobs[index];
      try {
        const info = pkg.info(job.part);
        if (!info || info.crc32 !== job.crc32 || info.compressedSize !== job.compressedSize) throw new Error(`${job.part} has changed since it was read`);
        const patcher = new SheetPatcher(decodeEdits(job.edits), settledXf, job.name);
        const count = { crc32: 0, uncompressedSize: 0 };
        for await (const chunk of deflatePieces(patchedText(pkg, job.part, patcher), COMPRESSION_LEVEL, count)) {
          const b = chunk as Buffer;
          // Handed over without a copy where the bytes have their memory to themselves.
          const own = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
          post({ kind: "chunk", index, bytes: own }, [own.buffer as ArrayBuffer]);
        }
        post({ kind: "done", index, crc32: count.crc32, uncompressedSize: count.uncompressedSize });
      } catch (e) {
        post({ kind: "failed", index, message: message(e) });
      }
    }
  } finally {
    pkg.close();
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as PatchThreadInput, (m, transfer) => port.postMessage(m, transfer));
}
