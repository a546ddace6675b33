import { SetMetadata } from '@nestjs/common';
import type { Role } from '@ij/application';

export const ROLES_KEY = 'ledger:roles';
export const PUBLIC_KEY = 'ledger:public';

/** The roles that may call a route (any one of them suffices). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route served without a key (health, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
