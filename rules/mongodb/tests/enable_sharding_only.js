// A script that only creates a database (no shardCollection in the file) is not reported.
// ok: enable-sharding-not-required
sh.enableSharding("reporting");
