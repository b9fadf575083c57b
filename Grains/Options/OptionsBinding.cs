using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>How Feed reads a settings section: bound once into its one class, checked at start by its validator.</summary>
public static class OptionsBinding
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to its section with its validator, checked when the host starts. Registering the same
    /// options again (a web front and its embedded silo share one service collection) changes nothing.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<T, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class where TValidator : class, IValidateOptions<T>
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<T>) && d.ImplementationType == typeof(TValidator))) return services;
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>, TValidator>();
        return services;
    }

    /// <summary>For settings needed before the host is built (how Orleans is set up): bound and checked right away.</summary>
    public static T BindNow<T>(IConfiguration configuration, string section, IValidateOptions<T> validator) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures);
        return options;
    }

    /// <summary>Registers an instance bound by <see cref="BindNow{T}"/>, so the rest of the process reads that same object.</summary>
    public static IServiceCollection AddBoundOptions<T>(this IServiceCollection services, T options) where T : class
    {
        services.TryAddSingleton(Options.Create(options));
        return services;
    }
}
