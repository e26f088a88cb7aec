export { hashPassword, verifyPassword } from './auth/passwords';
export { SESSION_COOKIE_NAME, SESSION_TTL_SECONDS, signSessionToken, verifySessionToken } from './auth/session-token';
export type { TSessionClaims } from './auth/session-token';
export { USER_ROLES, ZUserRole, ZEmail, ZPassword, ZUserCreate, ZSignIn, ZPublicUser, hasRole } from './auth/user.types';
export type { TUserRole, TUserCreate, TSignIn, TPublicUser } from './auth/user.types';
export { createUser, authenticateUser, findUserById, listUsers } from './auth/users';
export {
  createApplication,
  listApplications,
  getApplication,
  settingsOf,
  updateApplication,
  updatePropertyLimits,
  rotateIngestKey,
  sdkSnippetFor,
  generateIngestKey,
  ZApplicationUpdate,
} from './applications/applications';
export type { TApplicationUpdate } from './applications/applications';
export { defineProperty, updateProperty, retireProperty, listProperties, addPropertyPack, toPropertyView } from './properties/properties';
export type { TPropertyList } from './properties/properties';
export { API_TOKEN_SCOPES, ZApiTokenScope, ZApiTokenCreate, createApiToken, verifyApiToken, listApiTokens, revokeApiToken } from './tokens/api-tokens';
export type { TApiTokenScope, TApiTokenCreate, TApiTokenGrant } from './tokens/api-tokens';
export { seedDatabase, DEMO_ADMIN, DEMO_APPLICATION_NAME } from './seed/seed';
export type { TSeedResult } from './seed/seed';
export { parseInput } from './parse-input';
