#!/usr/bin/env node
// A committed shim rather than a bin pointing into dist/: package managers link bins at install time,
// before a workspace checkout has built dist/, and warn (or fail) on a missing target.
import '../dist/cli.js';
