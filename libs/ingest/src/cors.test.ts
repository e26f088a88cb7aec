import { decideCors } from './cors';

describe('decideCors', () => {
  it('needs no CORS headers without an Origin', () => {
    expect(decideCors(undefined, [])).toEqual({ kind: 'none' });
  });

  it('echoes an allowed origin and refuses others', () => {
    expect(decideCors('https://shop.example', ['https://shop.example'])).toEqual({ kind: 'allow', allowOrigin: 'https://shop.example' });
    expect(decideCors('https://evil.example', ['https://shop.example'])).toEqual({ kind: 'deny' });
  });

  it('allows every origin only when "*" is configured', () => {
    expect(decideCors('https://any.example', ['*'])).toEqual({ kind: 'allow', allowOrigin: '*' });
    expect(decideCors('https://any.example', [])).toEqual({ kind: 'deny' });
  });
});
