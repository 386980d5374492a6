// Every benchmark scenario, in report order. Each exports { id, targets, run({ size }) }.
import { checksums } from './checksums.mjs';
import { operationBundleSize } from './bundle-size.mjs';
import { coldStartConstruct, coldStartRequest, installedSize } from './cold-start.mjs';
import { chunkedSigning } from './chunked.mjs';
import { listObjectsPage } from './list-page.mjs';
import { multipartUploads } from './multipart-upload.mjs';
import { download } from './download.mjs';
import { sync } from './sync.mjs';
import { cliStartup } from './cli-startup.mjs';
import { headerSigning, presigning } from './signing.mjs';
import { smallRequests } from './small-requests.mjs';
import { bundleSize, headerSigningRuntimes } from './runtimes.mjs';
import { scaling } from './scaling.mjs';
import { scalingTree } from './scaling-tree.mjs';

export const scenarios = [headerSigning, presigning, chunkedSigning, checksums, ...smallRequests, listObjectsPage, scaling, scalingTree, ...multipartUploads, download, sync, cliStartup, coldStartConstruct, coldStartRequest, installedSize, operationBundleSize, headerSigningRuntimes, bundleSize];
