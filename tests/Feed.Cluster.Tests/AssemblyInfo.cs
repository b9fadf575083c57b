// Each test starts a whole cluster of processes: on a 2-core machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
