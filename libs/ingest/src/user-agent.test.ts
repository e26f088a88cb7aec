import { parseUserAgent } from './user-agent';

describe('parseUserAgent', () => {
  it('names browser, os and device', () => {
    const info = parseUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1');
    expect(info).toMatchObject({ browserName: 'Mobile Safari', browserMajorVersion: '17', osName: 'iOS', deviceType: 'mobile', deviceManufacturer: 'Apple' });
  });

  it('calls an unknown agent a desktop with unknown names', () => {
    expect(parseUserAgent(undefined)).toMatchObject({ browserName: null, deviceType: 'desktop' });
  });
});
