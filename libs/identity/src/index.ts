export * from './auth/auth-policy.js';
export * from './auth/password.service.js';
export * from './auth/principal.service.js';
export * from './identity.module.js';
export * from './organisations/members-directory.js';
export * from './organisations/organisations.dto.js';
export * from './organisations/organisations.service.js';
export * from './account/password-reset.service.js';
