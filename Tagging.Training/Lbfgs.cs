namespace Feed.Tagging.Training;

/// <summary>Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives.</summary>
public static class Lbfgs
{
    public delegate double Function(ReadOnlySpan<double> x, Span<double> gradient);

    public static double[] Minimize(Function f, double[] start, int memory = 10, int maxIterations = 400, double tolerance = 1e-6)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var fx = f(x, g);
        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        var direction = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var alpha = new double[memory];
        for (var iteration = 0; iteration < maxIterations && Norm(g) > tolerance; iteration++)
        {
            // Two-loop recursion: direction = -H·g.
            for (var j = 0; j < n; j++) direction[j] = -g[j];
            for (var k = s.Count - 1; k >= 0; k--)
            {
                alpha[k] = rho[k] * Dot(s[k], direction);
                Axpy(-alpha[k], y[k], direction);
            }
            var gamma = s.Count > 0 ? Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]) : 1 / Math.Max(1, Norm(g));
            for (var j = 0; j < n; j++) direction[j] *= gamma;
            for (var k = 0; k < s.Count; k++)
            {
                var beta = rho[k] * Dot(y[k], direction);
                Axpy(alpha[k] - beta, s[k], direction);
            }
            var slope = Dot(g, direction);
            if (slope >= 0) // not a descent direction: start the memory afresh
            {
                s.Clear(); y.Clear(); rho.Clear();
                for (var j = 0; j < n; j++) direction[j] = -g[j] / Math.Max(1, Norm(g));
                slope = Dot(g, direction);
            }
            var step = 1.0;
            double fNew;
            while (true)
            {
                for (var j = 0; j < n; j++) xNew[j] = x[j] + step * direction[j];
                fNew = f(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || step < 1e-12) break;
                step *= 0.5;
            }
            var sk = new double[n];
            var yk = new double[n];
            for (var j = 0; j < n; j++)
            {
                sk[j] = xNew[j] - x[j];
                yk[j] = gNew[j] - g[j];
            }
            var sy = Dot(sk, yk);
            if (sy > 1e-12)
            {
                if (s.Count == memory) { s.RemoveAt(0); y.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); y.Add(yk); rho.Add(1 / sy);
            }
            var converged = Math.Abs(fx - fNew) <= 1e-12 * Math.Max(1, Math.Abs(fx));
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            fx = fNew;
            if (converged) break;
        }
        return x;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double Norm(ReadOnlySpan<double> v) => Math.Sqrt(Dot(v, v));
}
