/**
 * What one request may carry: sized to what a real garage writes, with room to spare, and far
 * below what stalls the server (docs/decisions/0015-request-boundaries.md has the reasons and the
 * measurements). The schemas enforce them; the server refuses any body larger than
 * REQUEST_BODY_MAX_BYTES before parsing it.
 */
export const REQUEST_BODY_MAX_BYTES = 1024 * 1024;

/** A big accident repair priced line by line runs to 100–150 lines; a service to 5–15. */
export const QUOTE_LINES_MAX = 300;
export const JOB_LINES_MAX = 150;
export const QUOTE_JOBS_MAX = 50;

/** The company's packages ("forfaits"): a constructor's service schedule is ~10 lines. */
export const PACKAGES_MAX = 100;
export const PACKAGE_LINES_MAX = 20;
