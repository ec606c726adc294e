// A separate worker PROCESS for the token-bucket test: waits for "go" on stdin, then fires `tries`
// concurrent takePostToken calls at the same buckets and prints how many got a token.
import { takePostToken, type Bucket } from "../../server/services/promote/limits";
import { closeQueues } from "../../server/queues/connection";

const [accountKey, perHour, tries] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const buckets: Bucket[] = [
  { scope: "account", key: accountKey, perHour },
  { scope: "platform", key: `OUTBOX-${accountKey}`, perHour: 1000 },
  { scope: "brand", key: `brand-${accountKey}`, perHour: 1000 },
];

process.stdout.write("ready\n");
process.stdin.once("data", async () => {
  const results = await Promise.all(Array.from({ length: tries }, () => takePostToken(buckets)));
  process.stdout.write(`${JSON.stringify({ granted: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length })}\n`);
  await closeQueues();
  process.exit(0);
});
