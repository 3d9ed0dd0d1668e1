#!/usr/bin/env node
import { main } from './main.js';

// The AWS SDK only talks to local emulators here (dynalite); its Node 20 notice is noise on stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await main(process.argv.slice(2));
