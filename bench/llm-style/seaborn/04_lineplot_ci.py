# seaborn==0.13.2
# Task: plot the fMRI signal over time for each event type with standard-deviation bands.
fmri = sns.load_dataset("fmri")
fig, ax = plt.subplots(figsize=(9, 5))
# deprecated: lineplot(ci=)
sns.lineplot(data=fmri, x="timepoint", y="signal", hue="event", ci="sd", ax=ax)
ax.set_title("fMRI signal")
plt.show()
