/** Every date layout the readers know, in the order they are tried by default. */
export const DATE_FORMAT_NAMES = [
  'YYYY-MM-DD',
  'YYYY-MM-DD HH:MM:SS',
  'ISO-8601',
  'MM/DD/YYYY',
  'YYYY/MM/DD',
  'DD-MM-YYYY',
] as const;
