// Starts the built app for the end-to-end tests on a brand-new embedded database with demo data,
// with a test mail server beside it: every message the app sends is written, parsed, as a JSON
// file under <data dir>/mail/, where the tests read it (e2e/support/mail.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const port = process.argv[2] ?? "3100";
const dataDir = path.join(".data", `e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${path.join(dataDir, "pglite")}.lock`, { force: true });
const mailDir = path.join(dataDir, "mail");
fs.mkdirSync(mailDir, { recursive: true });

let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received += 1;
        const message = { to: mail.to?.text ?? "", subject: mail.subject ?? "", text: mail.text ?? "", html: mail.html || "" };
        fs.writeFileSync(path.join(mailDir, `${String(received).padStart(5, "0")}.json`), JSON.stringify(message));
        callback();
      })
      .catch(callback);
  },
});
await new Promise((resolve) => smtp.listen(0, "127.0.0.1", resolve));

const env = {
  ...process.env,
  ATELIER_DATA_DIR: dataDir,
  ATELIER_DEMO: "1",
  NODE_ENV: "production",
  SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
  MAIL_FROM: "Atelier <atelier@example.org>",
  ATELIER_PUBLIC_URL: `http://localhost:${port}`,
};
delete env.DATABASE_URL;
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  smtp.close();
  process.exit(code ?? 0);
});
