import { UAParser } from 'ua-parser-js';

export interface TClientDescription {
  browserName: string | null;
  browserVersion: string | null;
  browserMajorVersion: string | null;
  osName: string | null;
  osVersion: string | null;
  deviceType: string | null;
  deviceManufacturer: string | null;
  deviceModel: string | null;
  userType: 'REAL_USER' | 'ROBOT';
}

const UA_CACHE_SIZE = 2000;
const ROBOT_UA = /bot\b|crawler|spider|headless|lighthouse/i;
const uaCache = new Map<string, TClientDescription>();

const UNKNOWN_CLIENT: TClientDescription = {
  browserName: null,
  browserVersion: null,
  browserMajorVersion: null,
  osName: null,
  osVersion: null,
  deviceType: null,
  deviceManufacturer: null,
  deviceModel: null,
  userType: 'REAL_USER',
};

/** Browser, OS and device from a UA string; parsed once per distinct string (few per app). */
export function describeUserAgent(ua: string | null): TClientDescription {
  if (!ua) return UNKNOWN_CLIENT;
  const cached = uaCache.get(ua);
  if (cached) return cached;
  const described = parseUserAgent(ua);
  if (uaCache.size >= UA_CACHE_SIZE) uaCache.clear();
  uaCache.set(ua, described);
  return described;
}

function parseUserAgent(ua: string): TClientDescription {
  const result = UAParser(ua);
  return {
    browserName: result.browser.name ?? null,
    browserVersion: result.browser.version ?? null,
    browserMajorVersion: result.browser.major ?? null,
    osName: result.os.name ?? null,
    osVersion: result.os.version ?? null,
    // ua-parser leaves desktops untyped; a known OS without a device type is a desktop.
    deviceType: result.device.type ?? (result.os.name ? 'desktop' : null),
    deviceManufacturer: result.device.vendor ?? null,
    deviceModel: result.device.model ?? null,
    userType: ROBOT_UA.test(ua) ? 'ROBOT' : 'REAL_USER',
  };
}

/** "1920x1080" → [1920, 1080]; anything else → nulls. */
export function parseSize(size: string | null): [number | null, number | null] {
  const match = size ? /^(\d{1,6})x(\d{1,6})$/.exec(size) : null;
  if (!match) return [null, null];
  return [Number(match[1]), Number(match[2])];
}
