// Each test class starts a web front with its embedded silo and a Chromium; on a 2-core machine
// running them one class at a time is both faster overall and far steadier than all at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
