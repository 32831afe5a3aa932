return TwinWorld.Server.ServerHost.Run(args);
