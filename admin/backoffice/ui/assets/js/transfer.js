// @ts-check
// Form data sent with XMLHttpRequest, whose upload tells its progress
// (fetch tells nothing of it): photos going up from a phone.

import { ApiError, errorOf } from './errors.js';

/**
 * sendForm sends body to path with the token, calling progress with the
 * share sent (0 to 1). It resolves with the answer (JSON, or null when
 * empty) and rejects with the server's ApiError, or one of status 0 saying
 * network when the network failed.
 * @param {string} method
 * @param {string} path
 * @param {FormData} body
 * @param {string} token
 * @param {(sent: number) => void} progress
 * @param {string} network
 * @returns {Promise<unknown>}
 */
export function sendForm(method, path, body, token, progress, network) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    if (token) xhr.setRequestHeader('Authorization', token);
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable && e.total) progress(e.loaded / e.total); });
    xhr.addEventListener('error', () => reject(new ApiError(0, network)));
    xhr.addEventListener('abort', () => reject(new ApiError(0, network)));
    xhr.addEventListener('load', async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(xhr.responseText ? JSON.parse(xhr.responseText) : null);
        return;
      }
      reject(await errorOf(new Response(xhr.responseText || null, { status: xhr.status, headers: { 'Content-Type': 'application/json' } })));
    });
    xhr.send(body);
  });
}
