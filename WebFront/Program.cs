Feed.WebFront.FeedWebApp.Build(args).Run();
