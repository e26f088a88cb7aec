import { describeUserAgent, parseSize } from './client-context';

describe('describeUserAgent', () => {
  it('names browser, os and device', () => {
    const info = describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1');
    expect(info).toMatchObject({ browserName: 'Mobile Safari', browserMajorVersion: '17', osName: 'iOS', deviceType: 'mobile', deviceManufacturer: 'Apple', userType: 'REAL_USER' });
  });

  it('calls a known desktop OS without a device type a desktop, and a crawler a robot', () => {
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')).toMatchObject({ osName: 'Windows', deviceType: 'desktop', browserName: 'Chrome' });
    expect(describeUserAgent('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)').userType).toBe('ROBOT');
  });

  it('leaves an absent user agent unknown', () => {
    expect(describeUserAgent(null)).toMatchObject({ browserName: null, deviceType: null });
  });
});

describe('parseSize', () => {
  it('reads WIDTHxHEIGHT and nothing else', () => {
    expect(parseSize('1920x1080')).toEqual([1920, 1080]);
    expect(parseSize('1920x')).toEqual([null, null]);
    expect(parseSize(null)).toEqual([null, null]);
  });
});
