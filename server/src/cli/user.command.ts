/**
 * `gridwarden user`: creates an account from the command line, e.g. the first ADMIN of a
 * deployment loaded without the demo. The password comes on stdin, never as an argument
 * (arguments show in `ps` and shell history).
 */
import type { Database } from '@gridwarden/db';
import type { Viewer } from '../auth/viewer';
import type { Logger } from '../config/logger';
import { createServices } from '../graphql/context';

export interface UserCommandOptions {
  username: string;
  role: Viewer['role'];
  /** Grid code of the scope root. */
  scope: string;
  person?: string;
  /** Also issue an API key (INTEGRATOR accounts) and print it. */
  apiKey?: boolean;
}

export async function runUserCreate(
  db: Database,
  options: UserCommandOptions,
  password: string,
  log: Logger,
): Promise<{ userId: string; apiKey: string | null }> {
  const { auth } = createServices(db);
  const user = await auth.addUser(
    {
      username: options.username,
      password,
      role: options.role,
      scopeGridId: { code: options.scope },
      personId: options.person ?? null,
    },
    null,
  );
  log.info(`created ${user.role} ${user.username} (id ${user.id}), scope ${options.scope}`);
  if (!options.apiKey) return { userId: user.id, apiKey: null };
  const { apiKey } = await auth.newApiKey(user);
  log.info(`API key (shown only now): ${apiKey}`);
  return { userId: user.id, apiKey };
}
