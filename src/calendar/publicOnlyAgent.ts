import { lookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent } from 'undici';
import { isPrivateAddress } from './feedUrl.js';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * An HTTP agent that connects only to public addresses: the host's name is resolved, and if any
 * of its addresses is loopback, private, link-local or unique-local the connection is refused;
 * otherwise it connects to the addresses that were checked (no second lookup an attacker's DNS
 * could answer differently). Every connection goes through it, redirects' included.
 */
export function publicOnlyAgent(): Agent {
  return new Agent({
    connect: {
      lookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
        lookup(hostname, { ...options, all: true }, (error, addresses) => {
          if (error) return callback(error, []);
          if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
            return callback(
              Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATEADDRESS' }),
              [],
            );
          }
          if (options.all) return callback(null, addresses);
          return callback(null, addresses[0]!.address, addresses[0]!.family);
        });
      },
    },
  });
}
