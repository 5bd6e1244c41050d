import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { validatePassword, PASSWORD_PROBLEM_MESSAGES } from '@goprep/domain';
import { createApp, prepareDatabase } from '../bootstrap';
import { loadConfig } from '../config/env';
import { ensureLocalSecretsKey } from '../config/local-secrets-key';
import { findRepoRoot } from '../config/repo-root';
import { resolveDatabase } from '../database/database-url';
import { AccountsService } from '../modules/accounts/accounts.service';
import { PasswordResetService, RESET_TTL_MINUTES } from '../modules/accounts/password-reset.service';

const USAGE = `Usage: npm run admin -- create --email EMAIL [--name NAME] [--password PASSWORD]
  Creates an admin account, or makes an existing account admin (and sets its password when given).
  Without --password, the password is read from the GOPREP_ADMIN_PASSWORD environment variable.

       npm run admin -- reset-password --email EMAIL [--password PASSWORD]
  Resets a user's password (for servers without SMTP, where "Forgot password" cannot mail a link).
  With --password, sets it at once; without, prints a one-time link (valid ${RESET_TTL_MINUTES} minutes) to
  hand to the user, who chooses the password. Either way every session of the user is logged out.`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, help: { type: 'boolean' } },
  });
  const command = positionals[0];
  if (values.help || (command !== 'create' && command !== 'reset-password') || !values.email) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const password = command === 'create' ? (values.password ?? process.env['GOPREP_ADMIN_PASSWORD']) : values.password;
  ensureLocalSecretsKey(process.env, findRepoRoot());
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn', WEB_DIST_DIR: '' });
  const db = await resolveDatabase(config, () => undefined, { reuseRunning: true });
  const app = await createApp(config, db.url);
  try {
    await prepareDatabase(app, config, { loadBank: false });
    const accounts = app.get(AccountsService);
    const existing = await accounts.findByEmail(values.email);
    if (password !== undefined) {
      const problem = validatePassword(password);
      if (problem) {
        process.stderr.write(`${PASSWORD_PROBLEM_MESSAGES[problem]}\n`);
        return 2;
      }
    }
    if (command === 'reset-password') {
      if (!existing) {
        process.stderr.write(`No account with the email ${values.email}.\n`);
        return 2;
      }
      const resets = app.get(PasswordResetService);
      if (password !== undefined) {
        await resets.setByAdmin(existing.id, password);
        process.stdout.write(`The password of ${existing.email} is set; every session of the account is logged out.\n`);
      } else {
        const { link, expiresAt } = await resets.issue(existing.id, 'admin');
        process.stdout.write(`Give this one-time link to ${existing.email} (valid until ${expiresAt.toISOString()}):\n${link}\n`);
      }
      return 0;
    }
    if (existing) {
      await accounts.setRole(existing.id, 'admin');
      if (password !== undefined) await accounts.setPassword(existing.id, password);
      process.stdout.write(`${existing.email} is now an admin.\n`);
    } else {
      if (password === undefined) {
        process.stderr.write('A new account needs --password (or GOPREP_ADMIN_PASSWORD).\n');
        return 2;
      }
      const user = await accounts.register({ email: values.email, password, displayName: values.name ?? values.email.split('@')[0] ?? values.email }, 'admin');
      process.stdout.write(`Created admin ${user.email}.\n`);
    }
    return 0;
  } finally {
    await app.close();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
