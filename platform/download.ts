// Saves text as a file through a Blob URL and a temporary `<a download>`: the ordinary way a page
// saves what it made, with no `downloads` permission to ask for.

/** Starts the download of `text` as `filename`. Throws when the page can't make the file. */
export function downloadText(filename: string, text: string, type: string, doc: Document = document): void {
  downloadBlob(filename, new Blob([text], { type }), doc);
}

/** Starts the download of a file already made (a big export, made a chunk at a time). */
export function downloadBlob(filename: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Chrome reads the Blob once the click's download starts; revoking in the same task can cancel
    // it in some versions, so the URL goes a moment later.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
