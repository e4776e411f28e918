/**
 * Login, sessions, API keys and user administration. Who a request comes from is decided
 * here: `authenticate` turns a token or API key into a Viewer, or refuses it loudly.
 */
import { randomBytes } from 'node:crypto';
import { UnauthenticatedError, UserInputError } from '../graphql/errors';
import type { GridService } from '../grids/grid.service';
import { AccountCache } from './account-cache';
import { generateApiKey, hashApiKey } from './api-key';
import type { AuthRepository, UserRecord } from './auth.repository';
import { signToken, TokenError, verifyToken } from './jwt';
import {
  decoyPasswordHash,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
} from './password';
import { requireRole, ROLES, type Role, type Viewer } from './viewer';

export interface AuthOptions {
  /** JWT_SECRET; unset → a secret generated once and kept in the database. */
  jwtSecret?: string;
  /** JWT_TTL_HOURS. */
  ttlHours: number;
  /**
   * AUTH_CACHE_SECONDS: how long the account behind a token or API key is remembered between
   * requests (account-cache.ts). Omitted or 0: looked up on every request.
   */
  accountCacheSeconds?: number;
}

/** Credentials as they arrive in HTTP headers. */
export interface Credentials {
  authorization?: string;
  apiKey?: string;
}

/** What an account is made of: createUser's input. */
export interface NewAccount {
  username: string;
  password: string;
  role: Role;
  /** A grid id, or { code } (the command line names grids by code). */
  scopeGridId: string | { code: string };
  personId?: string | null;
}

export interface Session {
  token: string;
  expiresAt: Date;
  user: UserRecord;
}

/** One message for a wrong username and a wrong password, so usernames cannot be probed. */
export const LOGIN_FAILED = 'wrong username or password';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,62}$/;
const ID = /^\d{1,18}$/;

export class AuthService {
  private secret?: Promise<string>;
  private readonly accounts: AccountCache;

  constructor(
    private readonly users: AuthRepository,
    private readonly grids: GridService,
    private readonly options: AuthOptions,
  ) {
    this.accounts = new AccountCache(options.accountCacheSeconds ?? 0);
  }

  /** The signing key: JWT_SECRET, or the one this database keeps (made on first use). */
  private jwtSecret(): Promise<string> {
    this.secret ??= this.options.jwtSecret
      ? Promise.resolve(this.options.jwtSecret)
      : this.users.secret('jwt', randomBytes(48).toString('base64url'));
    return this.secret;
  }

  async login(username: string, password: string): Promise<Session> {
    const user = username.length <= 63 ? await this.users.byUsername(username.trim()) : null;
    // verify against a decoy when there is no such user, so both failures take as long
    const matches = await verifyPassword(
      password,
      user?.passwordHash ?? (await decoyPasswordHash()),
    );
    if (!user || !matches) throw new UnauthenticatedError(LOGIN_FAILED);
    if (user.disabled) throw new UnauthenticatedError(`the account "${user.username}" is disabled`);
    const ttlSeconds = this.options.ttlHours * 3600;
    const now = Date.now();
    const token = signToken(user.id, await this.jwtSecret(), ttlSeconds, now);
    return { token, expiresAt: new Date((Math.floor(now / 1000) + ttlSeconds) * 1000), user };
  }

  /** The viewer behind the credentials; null when none are sent; UNAUTHENTICATED when they are bad. */
  async authenticate(credentials: Credentials): Promise<Viewer | null> {
    const { authorization, apiKey } = credentials;
    if (authorization && apiKey) {
      throw unauthenticated('send either an Authorization header or X-API-Key, not both');
    }
    if (apiKey) return this.byApiKey(apiKey.trim());
    if (!authorization) return null;
    const match = /^(\S+)\s+(\S+)\s*$/.exec(authorization.trim());
    const scheme = match?.[1].toLowerCase();
    if (!match || (scheme !== 'bearer' && scheme !== 'apikey')) {
      throw unauthenticated(
        'the Authorization header must be "Bearer <token from login>" or "ApiKey <key>"',
      );
    }
    if (scheme === 'apikey') return this.byApiKey(match[2]);
    let userId: string;
    try {
      userId = verifyToken(match[2], await this.jwtSecret()).sub;
    } catch (error) {
      if (error instanceof TokenError) throw unauthenticated(error.message);
      throw error;
    }
    const user = ID.test(userId)
      ? await this.accounts.remember(`user:${userId}`, () => this.users.byId(userId))
      : null;
    if (!user) throw unauthenticated('the token names a user that no longer exists; log in again');
    return viewerOf(user);
  }

  private async byApiKey(key: string): Promise<Viewer> {
    const hash = hashApiKey(key);
    const user = await this.accounts.remember(`key:${hash}`, () => this.users.byApiKeyHash(hash));
    if (!user) throw unauthenticated('the API key is not valid (it may have been rotated)');
    return viewerOf(user);
  }

  async me(viewer: Viewer): Promise<UserRecord> {
    const user = await this.users.byId(viewer.userId);
    if (!user) throw unauthenticated('your account no longer exists');
    return user;
  }

  /** ADMIN only: a new account scoped inside the admin's own scope. */
  async createUser(by: Viewer | null, input: NewAccount): Promise<UserRecord> {
    const admin = requireRole(by, ['ADMIN'], 'create users');
    return this.addUser(input, admin);
  }

  /**
   * A new account. With `admin`, its scope must lie inside the admin's; the command line
   * (`gridwarden user`), which holds the database anyway, passes null.
   */
  async addUser(input: NewAccount, admin: Viewer | null): Promise<UserRecord> {
    const username = input.username.trim();
    if (!USERNAME.test(username)) {
      throw new UserInputError(
        `"username" must be 2–63 letters, digits, ".", "_" or "-", starting with a letter or digit; got ${JSON.stringify(input.username)}`,
      );
    }
    if (
      input.password.length < MIN_PASSWORD_LENGTH ||
      input.password.length > MAX_PASSWORD_LENGTH
    ) {
      throw new UserInputError(
        `"password" must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters; got ${input.password.length}`,
      );
    }
    if (!ROLES.includes(input.role)) {
      throw new UserInputError(`"role" must be one of ${ROLES.join(', ')}`);
    }
    const scopeGridId = admin
      ? await this.grids.requireInScope(input.scopeGridId, admin, 'scopeGridId')
      : await this.grids.requireExists(input.scopeGridId, 'scopeGridId');
    const personId = input.personId ?? null;
    if (personId != null && (!ID.test(personId) || !(await this.users.personExists(personId)))) {
      throw new UserInputError(`"personId" names no person; got ${JSON.stringify(personId)}`);
    }
    if (await this.users.usernameTaken(username)) {
      throw new UserInputError(`the username "${username}" is taken`, { reason: 'USERNAME_TAKEN' });
    }
    return this.users.insert({
      username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      scopeGridId,
      personId,
    });
  }

  /** ADMIN only: a new API key for an integrator in the admin's scope; the old key stops working. */
  async issueApiKey(
    by: Viewer | null,
    userId: string,
  ): Promise<{ apiKey: string; user: UserRecord }> {
    const admin = requireRole(by, ['ADMIN'], 'issue API keys');
    const user = ID.test(userId) ? await this.users.byId(userId) : null;
    if (!user) throw new UserInputError(`"userId" names no user; got ${JSON.stringify(userId)}`);
    await this.grids.requireInScope(user.scopeGridId, admin, 'userId');
    return this.newApiKey(user);
  }

  /** A new API key for an INTEGRATOR account (shown once; only its hash is kept). */
  async newApiKey(user: UserRecord): Promise<{ apiKey: string; user: UserRecord }> {
    if (user.role !== 'INTEGRATOR') {
      throw new UserInputError(
        `API keys are for INTEGRATOR accounts; "${user.username}" is ${user.role} and logs in with a password`,
      );
    }
    const apiKey = generateApiKey();
    await this.users.setApiKeyHash(user.id, hashApiKey(apiKey));
    this.accounts.forgetUser(user.id);
    return { apiKey, user: { ...user, hasApiKey: true } };
  }
}

function viewerOf(user: UserRecord): Viewer {
  if (user.disabled) throw unauthenticated(`the account "${user.username}" is disabled`);
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    scopeGridId: user.scopeGridId,
    personId: user.personId,
  };
}

/** UNAUTHENTICATED for bad credentials: answered with HTTP 401 before anything runs. */
function unauthenticated(message: string): UnauthenticatedError {
  return new UnauthenticatedError(message, { http: { status: 401 } });
}
