import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config';

/**
 * Hosts allowed to frame the tab: Teams (web, desktop, mobile), Outlook and the Microsoft 365 app, where Teams apps
 * also run. X-Frame-Options is off because it cannot name these hosts and DENY would blank the tab in Teams.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.skype.com',
  'https://*.sharepoint.com',
  'https://outlook.office.com',
];

/**
 * Every /api/* response may carry personal data (an adult's name, address, the case narrative), so none may be kept
 * by the browser, the Teams client's web view or a proxy: no-store. Set before the route runs, so error answers
 * (401, 404, problem+json, the bot endpoint's) carry it too. The tab's own files are outside /api and untouched here.
 */
export const noStoreForApi: RequestHandler = (req, res, next) => {
  if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
  next();
};

export function securityHeaders(config: Pick<Config, 'mode'>): RequestHandler {
  const headers = helmetHeaders(config);
  return (req, res, next) => {
    headers(req, res, (err?: unknown) => (err ? next(err) : noStoreForApi(req, res, next)));
  };
}

function helmetHeaders(config: Pick<Config, 'mode'>): RequestHandler {
  const local = config.mode === 'local';
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'frame-ancestors': FRAME_ANCESTORS,
        // Local mode is plain http on loopback: upgrading would break every asset.
        'upgrade-insecure-requests': local ? null : [],
      },
    },
    frameguard: false,
    // Teams' sign-in and consent windows are popups that must be able to talk back to the tab.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    strictTransportSecurity: local ? false : undefined,
  });
}
