// The bank-report parser (@ij/bank-files). Until it lands on main, its announced interface from a local stand-in.
export * from './bank-files.stub';
