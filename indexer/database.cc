// placeholder until the indexer lands

