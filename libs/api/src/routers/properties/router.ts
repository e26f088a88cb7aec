import type { TRPCRouterRecord } from '@trpc/server';
import { definePropertyRoute } from './define-property';
import { listPropertiesRoute } from './list-properties';
import { addPackRoute, listPacksRoute } from './packs';
import { retirePropertyRoute } from './retire-property';
import { updatePropertyRoute } from './update-property';

export const propertiesRouter = {
  define: definePropertyRoute,
  update: updatePropertyRoute,
  retire: retirePropertyRoute,
  list: listPropertiesRoute,
  packs: listPacksRoute,
  addPack: addPackRoute,
} satisfies TRPCRouterRecord;
