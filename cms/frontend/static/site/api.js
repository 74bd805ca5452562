// The only data source: the public JSON API v1.

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status; // 0: the network failed
    this.code = body?.error?.code || "";
    this.apiMessage = body?.error?.message || "";
    this.fields = body?.error?.fields || {};
  }
}

export async function api(path, { params = {}, method = "GET", body } = {}) {
  const url = new URL(`/api/v1/${path}`, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch {
    // an empty or non-JSON body: the status says enough
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
