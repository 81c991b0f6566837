// @ts-check
// How the back office names a person it read from a history or a log.

/**
 * shortActor keeps the name of "Nguyễn Văn A (a@x, Biên tập viên…)" or
 * "Nguyễn Văn A <a@x> (…)".
 * @param {string} s
 */
export function shortActor(s) {
  const m = String(s).match(/^(.*?)\s+[<(]/);
  return m && m[1] ? m[1] : s;
}
