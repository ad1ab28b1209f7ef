import type { NotificationPrefs } from '../db/schema';

/** The commands of notification settings, composed into `Commands` in messaging/commands.ts. */
export interface NotificationCommands {
  /** Options page → Notifications: merges the given toggles into settings.notifications. */
  'settings/setNotifications': { req: Partial<NotificationPrefs>; res: NotificationPrefs };
}
