"""Pictures of the network: an interactive HTML graph and a static picture for print."""
