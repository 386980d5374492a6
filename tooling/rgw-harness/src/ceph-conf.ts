/** Inputs for {@link renderCephConf}. */
export interface CephConfInput {
  /** Cluster fsid (a UUID). */
  readonly fsid: string;
  /** Absolute directory holding every daemon's data, logs, sockets and pid files. */
  readonly dir: string;
  /** Monitor messenger v2 port on 127.0.0.1. */
  readonly monV2Port: number;
  /** Monitor messenger v1 port on 127.0.0.1. */
  readonly monV1Port: number;
  /** RGW HTTP port on 127.0.0.1. */
  readonly rgwPort: number;
  /** Cap on the memstore OSD's RAM use, in bytes (memory is used only as data is written). */
  readonly memstoreBytes: number;
}

/** Ceph name of the single monitor. */
export const MON_ID = 'a';
/** Ceph name of the RGW client section. */
export const RGW_NAME = 'client.rgw.s3kit';

/** The monitor address vector, as monmaptool and `mon host` spell it. */
export function monAddrs(input: Pick<CephConfInput, 'monV1Port' | 'monV2Port'>): string {
  return `[v2:127.0.0.1:${input.monV2Port},v1:127.0.0.1:${input.monV1Port}]`;
}

/**
 * Renders the ceph.conf of a throw-away single-host cluster: one mon, one memstore OSD, no mgr,
 * one RGW on a loopback beast endpoint, cephx off.
 *
 * The non-obvious settings (measured on Ceph 16.2.15, see shared/notes/real-s3-servers.md):
 * - `ms mon client mode = crc`: clients default to `secure`, which auth=none cannot give, and
 *   radosgw then hangs at start with `get_initial_auth_request returned -13`.
 * - `paxos propose interval` / `paxos min wait = 0.01`: a cold start drops from ~13 s to ~1.5 s.
 * - `rgw enable lc threads = false`: avoids a ~5 s stall when RGW stops right after starting.
 * - `osd crush chooseleaf type = 0` and pool size 1: PGs go active with a single OSD.
 * - `log flush on exit = true`: a daemon that exits on an error (rgw failing to bind) otherwise
 *   sometimes loses its last log lines, the ones a failed start must report.
 */
export function renderCephConf(input: CephConfInput): string {
  const d = input.dir;
  return `[global]
fsid = ${input.fsid}
mon host = ${monAddrs(input)}
mon initial members = ${MON_ID}
public addr = 127.0.0.1
cluster addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
keyring = /dev/null
run dir = ${d}
admin socket = ${d}/$name.asok
log file = ${d}/$name.log
log flush on exit = true
pid file = ${d}/$name.pid
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0

[mon]
mon data = ${d}/mon.$id
paxos propose interval = 0.01
paxos min wait = 0.01
mon allow pool delete = true

[osd]
osd data = ${d}/osd.$id
osd objectstore = memstore
memstore device bytes = ${input.memstoreBytes}

[client]
ms mon client mode = crc

[${RGW_NAME}]
rgw frontends = beast endpoint=127.0.0.1:${input.rgwPort}
rgw enable lc threads = false
rgw dns name = localhost
rgw data = ${d}/rgw
`;
}
