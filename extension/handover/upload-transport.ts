/** The answer of an upload: HTTP status (0 for a network failure) and the parsed JSON body. */
export interface UploadAnswer {
  status: number;
  body: unknown;
  text: string;
}

/**
 * Uploads one file with the children API as a multipart form (`filedata` + fields), the way
 * ADF's upload does, through XMLHttpRequest because fetch gives no upload progress. The File
 * is handed to the browser, which streams it from disk: it is never read into memory here.
 * Resolves for every HTTP answer (the caller decides what a 409 or 422 means); a network
 * failure resolves with status 0 so the screen can offer a retry.
 */
export function uploadFile(
  url: string,
  authorization: string,
  file: File,
  fields: Record<string, string>,
  onProgress: (bytes: number) => void,
): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ name: file.name, ...fields })) form.append(k, v);
    // Fields first: the server reads them before it streams the file part.
    form.append('filedata', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Authorization', authorization);
    xhr.upload.onprogress = (e) => onProgress(Math.min(file.size, e.loaded));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // A proxy's HTML error page: keep the text for the message.
        body = null;
      }
      resolve({ status: xhr.status, body, text: xhr.responseText });
    };
    xhr.onerror = () => resolve({ status: 0, body: null, text: 'network error' });
    xhr.onabort = () => resolve({ status: 0, body: null, text: 'aborted' });
    xhr.send(form);
  });
}
