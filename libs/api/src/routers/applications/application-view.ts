import type { Application } from '@trailmark/db';
import { sdkSnippetFor, settingsOf } from '@trailmark/services';
import type { TApplicationView } from './applications.types';

export function toApplicationView(app: Application, collectorUrl: string): TApplicationView {
  return {
    id: app.id,
    name: app.name,
    ingestKey: app.ingestKey,
    allowedOrigins: app.allowedOrigins,
    settings: settingsOf(app),
    limits: { maxProperties: app.maxProperties, maxEventProperties: app.maxEventProperties, freeTierProperties: app.freeTierProperties },
    snippet: sdkSnippetFor(app, collectorUrl),
    createdAt: app.createdAt,
  };
}
