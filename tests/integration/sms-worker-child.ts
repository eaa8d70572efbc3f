/**
 * A worker in its own process, for the crash test: the test kills it with SIGKILL mid-batch.
 * Env: DATABASE_URL (the test database), FAKE_TWILIO_URL.
 */
import { createDb } from "../../db/client";
import { startSmsWorker } from "../../sms/worker.server";
import { createTwilioTransport } from "../../sms/transports";
import { TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, TEST_SERVICE_SID } from "./sms-fake-twilio";

const url = process.env.DATABASE_URL!;
const handle = await createDb({ url, max: 3 });
await startSmsWorker(handle, {
  transport: createTwilioTransport({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN, messagingServiceSid: TEST_SERVICE_SID, apiBaseUrl: process.env.FAKE_TWILIO_URL }),
  ratePerSecond: 100,
  statusCallbackUrl: null,
  connectionString: url,
  batchSize: 10,
  expireInSeconds: 3,
  sweepIntervalMs: 200,
});
process.stdout.write("ready\n");
