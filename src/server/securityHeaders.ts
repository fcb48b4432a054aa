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

export function securityHeaders(config: Pick<Config, 'mode'>): RequestHandler {
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
