/** The vocabulary synthetic sessions are drawn from: browsers, places, pages and what users do. */

export interface TBrowserProfile {
  name: string;
  userAgent: string;
  screens: readonly string[];
  isMobile: boolean;
}

export const BROWSERS: readonly (readonly [TBrowserProfile, number])[] = [
  [{ name: 'Chrome/Windows', isMobile: false, screens: ['1920x1080', '1366x768', '2560x1440'], userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' }, 34],
  [{ name: 'Chrome/macOS', isMobile: false, screens: ['1440x900', '1728x1117', '2560x1440'], userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' }, 10],
  [{ name: 'Chrome/Android', isMobile: true, screens: ['412x915', '393x873', '360x800'], userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36' }, 18],
  [{ name: 'Safari/iOS', isMobile: true, screens: ['390x844', '430x932', '375x667'], userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1' }, 16],
  [{ name: 'Safari/macOS', isMobile: false, screens: ['1440x900', '1512x982'], userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15' }, 6],
  [{ name: 'Firefox/Windows', isMobile: false, screens: ['1920x1080', '1536x864'], userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0' }, 6],
  [{ name: 'Firefox/Linux', isMobile: false, screens: ['1920x1080', '2560x1440'], userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' }, 2],
  [{ name: 'Edge/Windows', isMobile: false, screens: ['1920x1080', '1280x720'], userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70' }, 5],
  [{ name: 'Samsung Internet/Android', isMobile: true, screens: ['384x854', '360x780'], userAgent: 'Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36' }, 3],
];

export interface TCountryProfile {
  iso: string;
  /** First octets of address blocks allocated in the country, for the client IP. */
  ipPrefixes: readonly string[];
  languages: readonly string[];
}

export const COUNTRIES: readonly (readonly [TCountryProfile, number])[] = [
  [{ iso: 'US', ipPrefixes: ['3.', '23.', '98.', '174.'], languages: ['en-US'] }, 30],
  [{ iso: 'DE', ipPrefixes: ['46.114.', '79.192.', '91.64.'], languages: ['de-DE'] }, 14],
  [{ iso: 'GB', ipPrefixes: ['81.2.69.', '86.128.', '90.192.'], languages: ['en-GB'] }, 10],
  [{ iso: 'FR', ipPrefixes: ['78.192.', '90.0.', '176.128.'], languages: ['fr-FR'] }, 8],
  [{ iso: 'PT', ipPrefixes: ['85.240.', '89.152.'], languages: ['pt-PT'] }, 4],
  [{ iso: 'BR', ipPrefixes: ['177.', '189.', '201.'], languages: ['pt-BR'] }, 7],
  [{ iso: 'IN', ipPrefixes: ['49.36.', '106.192.', '117.96.'], languages: ['en-IN', 'hi-IN'] }, 9],
  [{ iso: 'JP', ipPrefixes: ['126.', '133.', '153.'], languages: ['ja-JP'] }, 6],
  [{ iso: 'AU', ipPrefixes: ['1.128.', '101.160.', '120.144.'], languages: ['en-AU'] }, 4],
  [{ iso: 'CA', ipPrefixes: ['24.48.', '70.24.', '99.224.'], languages: ['en-CA', 'fr-CA'] }, 5],
  [{ iso: 'ES', ipPrefixes: ['79.144.', '83.32.'], languages: ['es-ES'] }, 3],
];

export interface TPageProfile {
  path: string;
  title: string;
  /** Buttons or links a user clicks on this page. */
  targets: readonly string[];
  /** APIs the page calls. */
  apis: readonly (readonly [string, string])[];
}

export const PAGES: readonly TPageProfile[] = [
  { path: '/', title: 'Home', targets: ['Shop now', 'Sign in', 'Search'], apis: [['GET', '/api/recommendations'], ['GET', '/api/banner']] },
  { path: '/search', title: 'Search', targets: ['Search', 'Filter', 'Next page'], apis: [['GET', '/api/search'], ['GET', '/api/suggest']] },
  { path: '/category/shoes', title: 'Shoes', targets: ['Sort by price', 'Filter', 'Load more'], apis: [['GET', '/api/products'], ['GET', '/api/facets']] },
  { path: '/category/jackets', title: 'Jackets', targets: ['Sort by price', 'Load more'], apis: [['GET', '/api/products']] },
  { path: '/product/trail-runner-2', title: 'Trail Runner 2', targets: ['Add to cart', 'Size guide', 'Reviews'], apis: [['GET', '/api/product/trail-runner-2'], ['GET', '/api/reviews'], ['POST', '/api/cart']] },
  { path: '/product/rain-shell', title: 'Rain Shell', targets: ['Add to cart', 'Reviews'], apis: [['GET', '/api/product/rain-shell'], ['POST', '/api/cart']] },
  { path: '/cart', title: 'Cart', targets: ['Checkout', 'Remove', 'Apply coupon'], apis: [['GET', '/api/cart'], ['POST', '/api/coupon']] },
  { path: '/checkout', title: 'Checkout', targets: ['Pay', 'Edit address', 'Back to cart'], apis: [['POST', '/api/checkout'], ['POST', '/api/pay']] },
  { path: '/account', title: 'My account', targets: ['Orders', 'Sign out', 'Save'], apis: [['GET', '/api/account'], ['GET', '/api/orders']] },
  { path: '/login', title: 'Sign in', targets: ['Sign in', 'Forgot password'], apis: [['POST', '/api/login']] },
];

/** Named custom actions (the SDK's enterAction API) and the page where they happen. */
export const CUSTOM_ACTIONS: readonly (readonly [string, string])[] = [
  ['login', '/login'],
  ['view cart', '/cart'],
  ['checkout', '/checkout'],
  ['pay', '/checkout'],
  ['search', '/search'],
  ['add to cart', '/product/trail-runner-2'],
];

export const JS_ERRORS: readonly (readonly [string, string])[] = [
  ["TypeError: Cannot read properties of undefined (reading 'price')", 'at renderPrice (https://shop.example/static/app.3f9a.js:1:20431)\nat ProductCard (https://shop.example/static/app.3f9a.js:1:19822)'],
  ['ReferenceError: gtag is not defined', 'at https://shop.example/static/analytics.js:4:11'],
  ['Error: Request timed out after 10000 ms', 'at fetchWithTimeout (https://shop.example/static/app.3f9a.js:1:8810)'],
  ['ChunkLoadError: Loading chunk 734 failed.', 'at __webpack_require__.f.j (https://shop.example/static/runtime.js:1:3120)'],
];

export const HTTP_STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const REFERRERS: readonly (readonly [string, number])[] = [
  ['', 45],
  ['https://www.google.com/', 30],
  ['https://www.bing.com/', 4],
  ['https://duckduckgo.com/', 3],
  ['https://www.facebook.com/', 5],
  ['https://t.co/', 3],
  ['https://mail.example.com/', 10],
];

/** Keys no application defines: sent now and then so "undefined keys seen" has something to show. */
export const UNDEFINED_KEYS: readonly string[] = ['ab_variant', 'debug_build', 'experimentId', 'tracking_consent_v2', 'legacy_uid'];
