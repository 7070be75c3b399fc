//! How a directory user is named on screen: display name, else first and last, else username.

import type { User } from '../../bindings/User';

export function displayNameOf(u: Pick<User, 'displayname' | 'firstname' | 'lastname' | 'username'>): string {
  return u.displayname || [u.firstname, u.lastname].filter(Boolean).join(' ') || u.username;
}
