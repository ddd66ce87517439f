// Locale message names may not contain `-`, so an id like `walk-street` reads its copy from
// `outlet.walk_street.title`. Kept apart from the catalogue, so that the popup's first screen can
// name an outlet without loading every outlet.

/** The locale key stem for an outlet's copy: `outlet.<key>.title` and `outlet.<key>.body`. */
export function outletCopyKey(id: string): string {
  return id.replaceAll('-', '_');
}

/** The locale key stem for a feeling's label: `feeling.<key>`. */
export function feelingCopyKey(id: string): string {
  return id.replaceAll('-', '_');
}
