// The CSRF token lives only in memory: after a reload it is recovered from GET /api/me,
// so it is never written anywhere a script on another page could read it.
let token: string | null = null;

export function setCsrfToken(value: string | null): void {
  token = value;
}

export function getCsrfToken(): string | null {
  return token;
}
