import { z } from 'zod';
import { ZPublicUser, ZUserCreate } from '@trailmark/services';

export const ZCreateUserRequest = ZUserCreate;
export const ZCreateUserResponse = ZPublicUser;
export const ZListUsersResponse = z.array(ZPublicUser);
