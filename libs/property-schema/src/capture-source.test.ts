import { serverAttributeHeaderOf, validateCaptureSource } from './capture-source';

const rules = (...args: Parameters<typeof validateCaptureSource>) => validateCaptureSource(...args).map((issue) => [issue.path, issue.rule]);

describe('validateCaptureSource', () => {
  it('accepts api without an expression for every type, and is the only source for date', () => {
    expect(rules('api', undefined, 'date')).toEqual([]);
    expect(rules('api', null, 'string')).toEqual([]);
    expect(rules('cookie', 'last_login', 'date')).toEqual([['source', 'date_requires_api_source']]);
  });

  it('refuses an expression on api', () => {
    expect(rules('api', 'window.x', 'string')).toEqual([['expression', 'expression_not_allowed']]);
  });

  it.each(['css_selector', 'js_variable', 'js_function', 'meta_tag', 'cookie', 'query_string', 'response_header', 'server_attribute'] as const)(
    'requires an expression for %s',
    (source) => {
      expect(rules(source, undefined, 'string')).toEqual([['expression', 'expression_required']]);
      expect(rules(source, '   ', 'string')).toEqual([['expression', 'expression_required']]);
    },
  );

  it('explains what the expression should name', () => {
    expect(validateCaptureSource('cookie', null, 'string')[0]?.message).toBe('source cookie needs an expression: the cookie name');
  });

  it('validates js_variable paths with the JSON segment syntax', () => {
    expect(rules('js_variable', 'sessionStorage.$user.userid', 'string')).toEqual([]);
    expect(rules('js_variable', 'a..b', 'string')).toEqual([['expression', 'expression_js_path']]);
  });

  it('validates js_function as a path without JSON segments', () => {
    expect(rules('js_function', 'app.getVersion', 'string')).toEqual([]);
    expect(rules('js_function', 'app.getVersion()', 'string')).toEqual([['expression', 'expression_js_path']]);
    expect(rules('js_function', '$app.fn', 'string')).toEqual([['expression', 'expression_js_path']]);
  });

  it('accepts any non-empty css selector', () => {
    expect(rules('css_selector', '#cart .total[data-value]', 'double')).toEqual([]);
  });

  it.each(['cookie', 'meta_tag', 'query_string', 'response_header', 'server_attribute'] as const)('rejects whitespace in a %s name', (source) => {
    expect(rules(source, 'my name', 'string')).toEqual([['expression', 'expression_whitespace']]);
  });

  it('requires header names to be HTTP tokens', () => {
    expect(rules('response_header', 'x-basket-value', 'double')).toEqual([]);
    expect(rules('response_header', 'x:basket', 'double')).toEqual([['expression', 'expression_header_name']]);
    expect(rules('server_attribute', 'tenant/id', 'string')).toEqual([['expression', 'expression_header_name']]);
  });

  it('bounds the expression length', () => {
    expect(rules('css_selector', 'a'.repeat(1001), 'string')).toEqual([['expression', 'expression_too_long']]);
  });
});

describe('serverAttributeHeaderOf', () => {
  it('maps an attribute to its x-trailmark-attr- header, lower-cased as HTTP/2 sends it', () => {
    expect(serverAttributeHeaderOf('Tenant.Id')).toBe('x-trailmark-attr-tenant.id');
  });
});
