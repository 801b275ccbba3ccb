// placeholder until search lands

