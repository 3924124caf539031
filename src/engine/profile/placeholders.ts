/**
 * The values `policy-calc init` writes where a person must put the enterprise's own. Each is one
 * that validation refuses with a message saying what to write instead, so a starting profile is
 * never evaluated as if it described an enterprise.
 */
export const PLACEHOLDERS = {
  name: '<企业名称 enterprise name>',
  date: 'YYYY-MM-DD',
} as const;

export const PLACEHOLDER_MESSAGES = {
  name: 'is still the placeholder written by `policy-calc init`: replace it with the enterprise’s registered name (or run `policy-calc ask FILE`)',
  date: 'is still the placeholder "YYYY-MM-DD" written by `policy-calc init`: replace it with the date, e.g. "2017-03-15" (or run `policy-calc ask FILE`)',
} as const;
