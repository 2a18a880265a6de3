// Process entry: the embedded S3 + SQS emulator (fauxqs), persisted under FAUXQS_DATA_DIR.
import path from "node:path";
import { startEmbeddedAws } from "@/lib/platform/embedded/start-embedded-aws";
import { exitWithParent } from "./exit-with-parent";

const dataDir = path.resolve(process.env.FAUXQS_DATA_DIR ?? ".data/fauxqs");
const aws = await startEmbeddedAws({ dataDir, port: Number(process.env.FAUXQS_PORT ?? 4566) });
exitWithParent(() => aws.stop());
console.log(`S3 + SQS ready at ${aws.endpoint} (data in ${dataDir})`);
