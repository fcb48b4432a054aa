import type { ApiClient } from '../../api/client';
import { ApiError, NETWORK_MESSAGE } from '../../api/client';
import { saveBlob } from '../../api/saveFile';

/**
 * The minutes' Word document. In production the link is SharePoint's, opened as a link; locally it is our own API,
 * which needs the caller's credentials, so the tab fetches it and hands the browser the file.
 */
export async function downloadMinutes(client: ApiClient, url: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { ...(await client.headers()), Accept: '*/*' } });
  } catch {
    throw new ApiError(0, NETWORK_MESSAGE);
  }
  if (!response.ok) throw new ApiError(response.status, `The minutes document could not be downloaded (${response.status}).`);
  const blob = await response.blob();
  saveBlob(blob, fileName);
}

/** Our own API's address (fetched with credentials) rather than a SharePoint link (opened as it is). */
export const isOwnApi = (url: string): boolean => url.startsWith('/api/') || url.startsWith(`${window.location.origin}/api/`);
